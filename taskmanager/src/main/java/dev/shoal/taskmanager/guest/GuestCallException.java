package dev.shoal.taskmanager.guest;

public class GuestCallException extends RuntimeException {

    public GuestCallException(String message) {
        super(message);
    }
}
