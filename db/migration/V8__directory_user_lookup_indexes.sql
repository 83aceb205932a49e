-- Every access screen maps the signed-in person to their Identity Store user by userName or email,
-- case-insensitively; the trigram indexes of V5 serve "contains" searches, not these equality look-ups.
/* [jooq ignore start] */
create index directory_user_lower_user_name_idx on directory_user (lower(user_name));
create index directory_user_lower_email_idx on directory_user (lower(email));
/* [jooq ignore stop] */
