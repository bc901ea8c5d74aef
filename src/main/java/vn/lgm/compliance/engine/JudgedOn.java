package vn.lgm.compliance.engine;

/**
 * By the law of which date a rule is judged (its transitional reach, declared once in {@code @judgedOn}). A duty of
 * a licence holder is judged by the law on the assessment date ({@link #ASSESSMENT}, the default); a condition for
 * granting a licence by the law in force when the licence was issued ({@link #ISSUE}): it does not reach back to a
 * licence issued before it took effect (LGM Art 111(1); Law 147 Art 4(3)(a): a licence runs to its term), and it
 * still holds a licence issued while it was in force after it is repealed. A project not yet licensed, or whose
 * issue date is not given (or falls after the assessment date), is judged by the law on the assessment date.
 * A bidder's condition, and a winner's duty that the auction starts ({@link #AUCTION}), by the law in force when the
 * auction ended ({@code licence.auctionWonOn}, LGM Art 103-104): the auction is the event they attach to; an auction
 * not yet held (or whose date is not given) is judged by the law on the assessment date.
 */
public enum JudgedOn {
    ASSESSMENT, ISSUE, AUCTION
}
