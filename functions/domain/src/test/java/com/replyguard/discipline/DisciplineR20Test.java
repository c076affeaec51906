package com.replyguard.discipline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replyguard.discipline.DisciplineRules.Level;
import org.junit.jupiter.api.Test;

/** R19, R20: first timeout a warning and training; repeated ones cost points; severe ones a dismissal review. */
class DisciplineR20Test {
    private final DisciplineRules rules = DisciplineRules.DEFAULT;

    @Test
    void noTimeout_isGood_withFullPoints() {
        var s = rules.standing("a", "2026-10-H1", 0, 0, 0);
        assertEquals(Level.GOOD, s.level());
        assertFalse(s.training());
        assertEquals(10, s.points());
    }

    @Test
    void firstTimeout_isAWarningWithTraining_repeatedOnesCostPoints_severeOnesAReview() {
        assertEquals(Level.WARNING, rules.standing("a", "c", 1, 0, 0).level());
        assertTrue(rules.standing("a", "c", 1, 0, 0).training());
        assertEquals(10, rules.standing("a", "c", 2, 0, 0).points());
        assertEquals(Level.DEDUCTION, rules.standing("a", "c", 3, 0, 0).level());
        assertEquals(9, rules.standing("a", "c", 3, 0, 0).points());
        assertEquals(7, rules.standing("a", "c", 5, 0, 0).points());
        assertEquals(Level.DISMISSAL_REVIEW, rules.standing("a", "c", 6, 0, 0).level());
    }

    @Test
    void aSlowResponseComplaint_isADeductionAtLeast() {
        var s = rules.standing("a", "c", 0, 0, 1);
        assertEquals(Level.DEDUCTION, s.level());
        assertEquals(8, s.points());
    }

    @Test
    void merchantsSetTheirOwnThresholds_andNonsenseIsRefused() {
        DisciplineRules strict = new DisciplineRules(2, 4, 100, 10, 20);
        assertEquals(Level.DEDUCTION, strict.standing("a", "c", 2, 0, 0).level());
        assertEquals(80, strict.standing("a", "c", 3, 0, 0).points());
        assertEquals(Level.DISMISSAL_REVIEW, strict.standing("a", "c", 4, 0, 0).level());
        assertThrows(IllegalArgumentException.class, () -> new DisciplineRules(5, 3, 10, 1, 1));
    }
}
