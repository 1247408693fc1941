/**
 * The durable feedback store: {@link io.courserec.store.InteractionStore} with one class per backend (embedded
 * SQLite, PostgreSQL), chosen from a JDBC URL by {@link io.courserec.store.InteractionStores}. Schemas are created
 * and migrated at start-up. Imports only {@code catalog} and {@code config}; never the recommenders or the API.
 */
package io.courserec.store;
