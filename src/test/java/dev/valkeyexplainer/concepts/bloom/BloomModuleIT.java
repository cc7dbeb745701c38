package dev.valkeyexplainer.concepts.bloom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.valkeyexplainer.valkey.CommandJournal;
import dev.valkeyexplainer.valkey.ConnectionTarget;
import dev.valkeyexplainer.valkey.Namespace;
import dev.valkeyexplainer.valkey.ValkeyGateway;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The glass box side by side with valkey-bloom, on a server that has the module: set
 * {@code VX_TEST_MODULES_URL} (e.g. {@code valkey://127.0.0.1:6380} for valkey/valkey-bundle). Skipped
 * otherwise. Writes only under the {@code vx-it:} namespace.
 */
class BloomModuleIT {

    @Test
    void membersAgreeAndBfInfoReadsAsValkeyBloomDescribesIt() throws Exception {
        String url = System.getenv("VX_TEST_MODULES_URL");
        assumeTrue(url != null && !url.isBlank(), "VX_TEST_MODULES_URL is not set: no server with valkey-bloom to test against");
        try (ValkeyGateway gateway = new ValkeyGateway(new Namespace("vx-it:"), new CommandJournal())) {
            assertTrue(gateway.connect(ConnectionTarget.parse(url)).get(15, TimeUnit.SECONDS).connected());
            assumeTrue(ModuleMirror.available(gateway.status()), "the server at VX_TEST_MODULES_URL has no bf module");
            ValkeyGateway.Scope scope = gateway.scope("bloom", "module-it");
            BloomKeys keys = BloomKeys.of(gateway.namespace().prefix(), "module-it");
            BloomStore store = new BloomStore(scope);
            ModuleMirror mirror = new ModuleMirror(scope);
            store.reserveScaling(keys, 100, 0.01, 2, 0.5).get(15, TimeUnit.SECONDS);
            mirror.reserve(keys.module(), 0.01, 100, 2).get(15, TimeUnit.SECONDS);
            List<String> members = java.util.stream.IntStream.range(0, 500).mapToObj(i -> "member-" + i).toList();
            store.add(keys, members).get(15, TimeUnit.SECONDS);
            mirror.add(keys.module(), members).get(15, TimeUnit.SECONDS);
            List<BloomScript.Tested> glass = store.test(keys, members).get(15, TimeUnit.SECONDS).value();
            List<Long> module = mirror.exists(keys.module(), members).get(15, TimeUnit.SECONDS);
            for (int i = 0; i < members.size(); i++) {
                assertTrue(glass.get(i).maybe(), "glass box: " + members.get(i));
                assertEquals(1L, module.get(i), "valkey-bloom: " + members.get(i));
            }
            Map<String, String> info = mirror.info(keys.module()).get(15, TimeUnit.SECONDS);
            assertEquals("2", info.get("Expansion rate"));
            int filters = Integer.parseInt(info.get("Number of filters"));
            BloomState.Filter f = store.read(keys, false).get(15, TimeUnit.SECONDS);
            assertEquals(f.filters().size(), filters, "both scaled to the same number of sub-filters for 500 distinct items");
            assertEquals(f.filters().stream().mapToLong(BloomState.SubFilter::capacity).sum(), Long.parseLong(info.get("Capacity")));
            assertEquals(Long.toString(f.newest().k()), info.get("k of the newest sub-filter (computed, not reported)"));
            gateway.deleteByPrefix("bloom", "module-it", gateway.namespace().prefix()).get(15, TimeUnit.SECONDS);
        }
    }
}
