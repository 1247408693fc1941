/**
 * The recommender contract shared by every algorithm family: {@link io.courserec.rec.Recommender}, the request and
 * result records and the unknown-entity error. Imports only {@code catalog} and {@code config}.
 */
package io.courserec.rec;
