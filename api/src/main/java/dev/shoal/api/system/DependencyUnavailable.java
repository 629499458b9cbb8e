package dev.shoal.api.system;

/** Thrown where the api itself finds a dependency out of reach, rather than failing on it; answered 503. */
public class DependencyUnavailable extends RuntimeException {

    private final Dependency dependency;

    public DependencyUnavailable(Dependency dependency, String message) {
        super(message);
        this.dependency = dependency;
    }

    public Dependency dependency() {
        return dependency;
    }
}
