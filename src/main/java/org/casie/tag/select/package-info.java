/** Active learning: ranks unannotated articles by what annotating them should teach a model. */
package org.casie.tag.select;
