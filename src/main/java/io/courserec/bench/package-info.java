/**
 * JMH benchmarks, in the main source tree so the runnable jar can run them
 * ({@code java -cp target/courserec.jar org.openjdk.jmh.Main NAME}). Each class documents what one operation is
 * and how to turn the reported rate into the figure the docs quote.
 */
package io.courserec.bench;
