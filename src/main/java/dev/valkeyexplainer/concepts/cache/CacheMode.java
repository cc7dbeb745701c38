package dev.valkeyexplainer.concepts.cache;

/** The three parts of the cache-aside concept, each with its own controls and panel. */
enum CacheMode { LOOKUPS, INVALIDATION, HOT_KEY }
