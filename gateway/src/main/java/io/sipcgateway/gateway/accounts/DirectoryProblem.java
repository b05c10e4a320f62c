package io.sipcgateway.gateway.accounts;

/**
 * A rule that spans fields or accounts, broken: which account (index in the list given to
 * {@link AccountDirectory#check}), the field path inside it ({@code sid}, {@code buddies[2].lists[0]}), and what
 * is wrong. The loader turns the path back into a line of the YAML file.
 */
public record DirectoryProblem(int account, String path, String message) {
    @Override
    public String toString() {
        return "accounts[" + account + "]." + path + ": " + message;
    }
}
