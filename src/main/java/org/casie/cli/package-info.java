/** The picocli command line: one class per verb, and one place that maps failures to exit codes. */
package org.casie.cli;
