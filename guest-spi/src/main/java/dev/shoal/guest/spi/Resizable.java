package dev.shoal.guest.spi;

/** A datastore sized by the memory of its flavor. */
public interface Resizable {

    /** Sizes the datastore for a new flavor's memory, live where it can; answers the cache size it runs with. */
    long resetConfiguration(int memoryMb) throws Exception;
}
