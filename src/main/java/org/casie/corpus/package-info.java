/** CASIE records (document, hopper, event mention, argument), their strict reader and writer, offset realignment and splits. */
package org.casie.corpus;
