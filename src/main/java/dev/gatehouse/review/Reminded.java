package dev.gatehouse.review;

/**
 * What a "remind now" did: today's digest went to the reviewers not reminded yet today.
 *
 * @param reminded     reviewers (people or groups) sent today's digest now
 * @param alreadyToday reviewers with undecided items who had today's digest already
 */
public record Reminded(int reminded, int alreadyToday) {

    public String text() {
        if (reminded == 0 && alreadyToday == 0) {
            return "Nobody has undecided items, so nobody was reminded.";
        }
        String now = reminded == 1 ? "Reminded 1 reviewer" : "Reminded " + reminded + " reviewers";
        if (alreadyToday == 0) {
            return now + ".";
        }
        return now + "; " + alreadyToday + (alreadyToday == 1 ? " was" : " were") + " reminded today already.";
    }
}
