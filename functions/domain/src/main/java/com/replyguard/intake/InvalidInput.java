package com.replyguard.intake;

import java.util.List;

/**
 * A request whose input is wrong (answered 400 with every problem, nothing changed): thrown by a use
 * case that validates what it is given, and by the API's parsing of parameters and bodies.
 */
public final class InvalidInput extends IllegalArgumentException {
    private final List<Problem> problems;

    public InvalidInput(List<Problem> problems) {
        super("invalid input (" + problems.size() + " problem(s))");
        this.problems = List.copyOf(problems);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(Problem.ofBatch(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
