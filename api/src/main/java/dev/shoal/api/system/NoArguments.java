package dev.shoal.api.system;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of an action that takes nothing ({@code {"restart": {}}}): read strictly, so a member sent to it is
 * refused by name instead of ignored.
 */
@Schema(name = "NoArguments")
public record NoArguments() {
}
