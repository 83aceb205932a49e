/** Value types and infrastructure every module may use: the run mode and the clock. */
package dev.gatehouse.shared;
