/** picocli commands; each calls the same services the API calls. May import everything but {@code api}. */
package io.courserec.cli;
