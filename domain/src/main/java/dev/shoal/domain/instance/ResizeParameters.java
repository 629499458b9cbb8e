package dev.shoal.domain.instance;

/**
 * What a resize task keeps in its row: the flavor and volume size the instance is to run with, which the API has
 * already written (so quotas count the larger volume at once), and those it ran with, to go back to on failure.
 */
public record ResizeParameters(String flavorId, int volumeSize, String fromFlavorId, int fromVolumeSize) {

    public boolean flavorChanges() {
        return !flavorId.equals(fromFlavorId);
    }

    public boolean volumeChanges() {
        return volumeSize != fromVolumeSize;
    }
}
