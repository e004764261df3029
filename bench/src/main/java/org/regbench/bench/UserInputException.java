package org.regbench.bench;

/** Input the user can fix (a value, a file, a path); reported as one line with exit code 2. */
public final class UserInputException extends RuntimeException {

    public UserInputException(String message) {
        super(message);
    }
}
