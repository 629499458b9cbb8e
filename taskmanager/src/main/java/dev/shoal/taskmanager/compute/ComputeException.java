package dev.shoal.taskmanager.compute;

public class ComputeException extends Exception {

    public ComputeException(String message, Throwable cause) {
        super(message, cause);
    }
}
