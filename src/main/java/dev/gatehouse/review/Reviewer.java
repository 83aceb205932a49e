package dev.gatehouse.review;

/**
 * Who decides an item at its stage: a person, or any member of a group except the person under review.
 * NOBODY when even the fallback reviewer is the person under review, until an admin reassigns the item.
 *
 * @param note why the fallback reviewer decides ("No manager in the Identity Store"), '' otherwise
 */
public record Reviewer(Type type, String id, String name, String note) {

    public enum Type {
        USER,
        GROUP,
        NOBODY
    }

    public static final Reviewer NOBODY = new Reviewer(Type.NOBODY, "", "nobody",
            "The fallback reviewer is the person under review: an admin must reassign the item.");

    public Reviewer withNote(String why) {
        return new Reviewer(type, id, name, why);
    }
}
