/**
 * JMH benchmarks, in the main source tree so the runnable jar can run them
 * ({@code java -cp bench/target/courserec-bench.jar org.openjdk.jmh.Main NAME}), and plain timing commands. Each class
 * documents what one operation is and how to turn the reported rate into the figure the docs quote. The synthetic
 * data here is for timing only, not a product data generator; nothing imports this package.
 */
package io.courserec.bench;
