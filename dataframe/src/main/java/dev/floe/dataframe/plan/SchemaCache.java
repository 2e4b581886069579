package dev.floe.dataframe.plan;

import dev.floe.expressions.Schema;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * The schemas of plan nodes, by node identity, held only as long as the node is reachable. Plan nodes
 * are records (value equality, no room for a memo field), and equal trees built separately are still
 * separate keys here: a lookup never walks a tree. A schema that fails to derive is not remembered, so
 * the error comes again on the next call. The lock is not held while a schema is derived (a scan's may
 * read files); two threads may then derive the same node's schema once each, with the same result.
 */
final class SchemaCache {
    private static final Map<Key, Schema> SCHEMAS = new HashMap<>();
    private static final ReferenceQueue<LogicalPlan> COLLECTED = new ReferenceQueue<>();

    private SchemaCache() {
    }

    static Schema schemaOf(LogicalPlan node) {
        Key probe = new Key(node, null);
        synchronized (SCHEMAS) {
            Schema known = SCHEMAS.get(probe);
            if (known != null) {
                return known;
            }
        }
        Schema derived = node.deriveSchema();
        synchronized (SCHEMAS) {
            for (Object gone; (gone = COLLECTED.poll()) != null; ) {
                SCHEMAS.remove(gone);
            }
            SCHEMAS.put(new Key(node, COLLECTED), derived);
        }
        return derived;
    }

    /** A node by identity, weakly held. */
    private static final class Key extends WeakReference<LogicalPlan> {
        private final int hash;

        Key(LogicalPlan node, ReferenceQueue<LogicalPlan> queue) {
            super(node, queue);
            this.hash = System.identityHashCode(node);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Key other)) {
                return false;
            }
            LogicalPlan mine = get();
            return mine != null && mine == other.get();
        }
    }
}
