package vn.lgm.compliance.contract.model;

/** How far the project has come. The stage decides whether a missing step is an obligation or a violation. */
public enum Stage {
    PROPOSAL, APPLICATION, LICENSED, OPERATING;

    public boolean atLeast(Stage other) {
        return other != null && compareTo(other) >= 0;
    }
}
