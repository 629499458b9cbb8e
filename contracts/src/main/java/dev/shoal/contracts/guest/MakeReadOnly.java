package dev.shoal.contracts.guest;

/** Turns a node's writes off (a master about to hand over) or back on (a handover undone). */
public record MakeReadOnly(boolean readOnly) {
}
