/** Training configuration with defaults, the trainers with early stopping on dev span F1, and cross-validation by document. */
package org.casie.train;
