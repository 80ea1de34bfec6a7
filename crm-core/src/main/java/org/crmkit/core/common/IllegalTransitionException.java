package org.crmkit.core.common;

import java.util.UUID;

import org.crmkit.spi.CrmException;

/**
 * A business verb asked an aggregate for a move its state machine does not allow. The aggregate
 * is left unchanged.
 *
 * @since 0.1
 */
public class IllegalTransitionException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String aggregate;
    private final UUID id;
    private final String state;
    private final String move;

    /**
     * @param aggregate the aggregate's kind, for example {@code "customer"}
     * @param id        its id
     * @param state     its current state
     * @param move      the refused move, for example {@code "lifecycle stage to STABILITY"}
     */
    public IllegalTransitionException(String aggregate, UUID id, String state, String move) {
        super(aggregate + " " + id + " in state " + state + " cannot move: " + move);
        this.aggregate = aggregate;
        this.id = id;
        this.state = state;
        this.move = move;
    }

    public String aggregate() {
        return aggregate;
    }

    public UUID id() {
        return id;
    }

    public String state() {
        return state;
    }

    public String move() {
        return move;
    }
}
