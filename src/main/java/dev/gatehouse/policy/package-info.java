/** Access rules: who may request which permission set on which accounts, for how long, and who approves. */
package dev.gatehouse.policy;
