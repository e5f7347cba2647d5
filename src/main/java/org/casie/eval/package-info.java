/** Span-level scoring of predicted events against gold (Trig-I/C, Arg-I/C/C+, realis), bootstrap intervals, and reports. Depends only on corpus. */
package org.casie.eval;
