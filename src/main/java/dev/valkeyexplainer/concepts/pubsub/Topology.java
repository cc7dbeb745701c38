package dev.valkeyexplainer.concepts.pubsub;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who serves what: the shards of a cluster (each a primary, its replicas and its slot ranges), read
 * with {@code CLUSTER SHARDS}, or the one node of a standalone server. A shard channel hashes to a
 * slot exactly like a key ({@code CLUSTER KEYSLOT}), so the shard that owns the slot is the only
 * place its messages travel.
 *
 * @param cluster false for a standalone server (one node, no slots)
 * @param shards  in order of their first slot; a standalone server is one shard without slots
 */
public record Topology(boolean cluster, List<Shard> shards) {

    public static final int SLOTS = 16_384;

    public Topology {
        shards = List.copyOf(shards);
    }

    /** An inclusive range of hash slots, {@code from..to}. */
    public record SlotRange(int from, int to) {
        public int size() {
            return to - from + 1;
        }

        public boolean contains(int slot) {
            return slot >= from && slot <= to;
        }

        @Override
        public String toString() {
            return from == to ? Integer.toString(from) : from + "-" + to;
        }
    }

    /** One server of the cluster, by the address clients use ({@code host:port}). */
    public record Node(String id, String address, boolean primary, String health) {
        public String port() {
            return address.substring(address.lastIndexOf(':') + 1);
        }
    }

    /** A primary, its replicas and the slots it serves. {@code index} counts from 1 for display. */
    public record Shard(int index, List<SlotRange> slots, Node primary, List<Node> replicas) {
        public Shard {
            slots = List.copyOf(slots);
            replicas = List.copyOf(replicas);
        }

        public boolean owns(int slot) {
            return slots.stream().anyMatch(r -> r.contains(slot));
        }

        public int slotCount() {
            return slots.stream().mapToInt(SlotRange::size).sum();
        }

        public List<Node> nodes() {
            List<Node> all = new ArrayList<>();
            all.add(primary);
            all.addAll(replicas);
            return all;
        }

        /** {@code 0-5460} or {@code 5461-10921, 12952} */
        public String slotText() {
            return slots.isEmpty() ? "no slots" : String.join(", ", slots.stream().map(SlotRange::toString).toList());
        }
    }

    /** A standalone server: one node, no slots, no cluster bus. */
    public static Topology standalone(String address) {
        return new Topology(false, List.of(new Shard(1, List.of(), new Node("", address, true, "online"), List.of())));
    }

    /**
     * Reads a {@code CLUSTER SHARDS} reply as Glide returns it over RESP3: an array of maps with
     * {@code slots} (a flat array of range bounds) and {@code nodes} (maps with {@code id}, {@code ip}
     * or {@code endpoint}, {@code port}, {@code role}, {@code health}). Nodes marked failed are kept;
     * their health says so.
     *
     * @throws IllegalArgumentException when the reply does not have that shape
     */
    public static Topology parseShards(Object reply) {
        if (!(reply instanceof Object[] shardArray)) throw new IllegalArgumentException("CLUSTER SHARDS: not an array: " + reply);
        List<Shard> raw = new ArrayList<>();
        for (Object s : shardArray) {
            if (!(s instanceof Map<?, ?> shard)) throw new IllegalArgumentException("CLUSTER SHARDS: a shard is not a map");
            List<SlotRange> ranges = new ArrayList<>();
            if (shard.get("slots") instanceof Object[] bounds) {
                for (int i = 0; i + 1 < bounds.length; i += 2) {
                    ranges.add(new SlotRange(((Number) bounds[i]).intValue(), ((Number) bounds[i + 1]).intValue()));
                }
            }
            Node primary = null;
            List<Node> replicas = new ArrayList<>();
            if (shard.get("nodes") instanceof Object[] nodes) {
                for (Object o : nodes) {
                    if (!(o instanceof Map<?, ?> n)) continue;
                    String host = String.valueOf(n.get("ip") != null ? n.get("ip") : n.get("endpoint"));
                    Object port = n.get("port") != null ? n.get("port") : n.get("tls-port");
                    Node node = new Node(String.valueOf(n.get("id")), host + ":" + port,
                            "master".equals(String.valueOf(n.get("role"))) || "primary".equals(String.valueOf(n.get("role"))),
                            String.valueOf(n.get("health")));
                    if (node.primary() && primary == null) primary = node;
                    else replicas.add(node);
                }
            }
            if (primary == null) continue; // a shard whose primary is gone and not yet replaced
            ranges.sort(Comparator.comparingInt(SlotRange::from));
            raw.add(new Shard(0, ranges, primary, replicas));
        }
        raw.sort(Comparator.comparingInt(s -> s.slots().isEmpty() ? SLOTS : s.slots().get(0).from()));
        List<Shard> shards = new ArrayList<>();
        for (Shard s : raw) shards.add(new Shard(shards.size() + 1, s.slots(), s.primary(), s.replicas()));
        return new Topology(true, shards);
    }

    /** The shard that serves this slot (a standalone server serves everything). */
    public Optional<Shard> owner(int slot) {
        if (!cluster) return shards.stream().findFirst();
        return shards.stream().filter(s -> s.owns(slot)).findFirst();
    }

    public List<Node> nodes() {
        return shards.stream().flatMap(s -> s.nodes().stream()).toList();
    }

    public Optional<Node> node(String address) {
        return nodes().stream().filter(n -> n.address().equals(address)).findFirst();
    }

    public Optional<Shard> shardOf(String address) {
        return shards.stream().filter(s -> s.nodes().stream().anyMatch(n -> n.address().equals(address))).findFirst();
    }

    /** Replicas per shard, from the first shard (the app's cluster has the same number everywhere). */
    public int replicasPerShard() {
        return shards.isEmpty() ? 0 : shards.get(0).replicas().size();
    }
}
