package io.courserec.hybrid;

import io.courserec.catalog.Dataset;
import io.courserec.cbr.CbrRecommender;
import io.courserec.cf.InteractionSnapshot;
import io.courserec.cf.ItemKnnRecommender;
import io.courserec.cf.PopularityRecommender;
import io.courserec.cf.UserKnnRecommender;
import io.courserec.index.CatalogIndex;
import io.courserec.mf.MfRecommender;

/**
 * One trained generation of every component the hybrid blends, plus the index that carries their per-course
 * signals. Immutable once built; replaced as a whole on retrain.
 */
record HybridModels(Dataset data, InteractionSnapshot snapshot, PopularityRecommender pop, ItemKnnRecommender itemKnn,
                    UserKnnRecommender userKnn, MfRecommender mf, CbrRecommender cbr, CatalogIndex index,
                    ReverseNeighbors reverse, ConfidenceCalibrator calibrator, String modelVersion) {}
