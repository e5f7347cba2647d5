/** CoreNLP preprocessing into the project's own token table (no CoreNLP types leak out) and its disk cache. */
package org.casie.text;
