/** Readers for the article formats the tagger accepts and writers for its outputs (CASIE JSON, brat, HTML, summary). */
package org.casie.tag.io;
