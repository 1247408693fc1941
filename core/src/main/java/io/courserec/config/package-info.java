/**
 * Configuration: every key with its default and range ({@link io.courserec.config.ConfigKey}), loaded from
 * defaults, the properties file, the environment and overrides, validated once. Imports nothing of ours.
 */
package io.courserec.config;
