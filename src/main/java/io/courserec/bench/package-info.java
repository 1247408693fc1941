/**
 * JMH benchmarks and plain timing commands, run from the shaded jar (see docs). Benchmarks may import any
 * package; nothing imports them. The synthetic data here is for timing only, not a product data generator.
 */
package io.courserec.bench;
