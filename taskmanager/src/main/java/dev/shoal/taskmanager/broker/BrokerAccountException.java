package dev.shoal.taskmanager.broker;

/** The broker did not create, change or delete a guest's account. */
public class BrokerAccountException extends RuntimeException {

    public BrokerAccountException(String message) {
        super(message);
    }

    public BrokerAccountException(String message, Throwable cause) {
        super(message, cause);
    }
}
