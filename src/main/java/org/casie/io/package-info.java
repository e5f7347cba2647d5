/**
 * General file I/O every stage may use: atomic writes (temporary file, fsync, rename, directory fsync), bounded
 * reads of untrusted input, SHA-256 checksums. Depends on nothing else in the project.
 */
package org.casie.io;
