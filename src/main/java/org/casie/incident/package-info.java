/** Incident records built from a tagged article: canonical entities per role, primary victim and attacker, normalised values. */
package org.casie.incident;
