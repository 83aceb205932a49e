/** The application shell: layout, navigation by role, user menu, demo banner and the error pages. */
package dev.gatehouse.ui;
