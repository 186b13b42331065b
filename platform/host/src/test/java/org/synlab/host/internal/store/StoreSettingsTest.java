package org.synlab.host.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    private final Map<String, String> saved = new HashMap<>();

    private void set(String key, String value) {
        saved.putIfAbsent(key, System.getProperty(key));
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @AfterEach
    void restore() {
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    @Test
    void theDefaultIsAnH2FileUnderTheDataDirectorySharedBetweenProcesses() {
        set(StoreSettings.STORE_PROPERTY, null);
        set(StoreSettings.URL_PROPERTY, null);
        set(StoreSettings.DATA_PROPERTY, "/data/synlab");
        StoreSettings settings = StoreSettings.fromSystemProperties();
        assertTrue(settings.enabled());
        assertEquals("jdbc:h2:file:" + Path.of("/data/synlab/store/runs").toAbsolutePath() + ";AUTO_SERVER=TRUE",
                settings.url());
        assertEquals("jdbc:h2:file:" + Path.of("/data/synlab/store/runs").toAbsolutePath(), settings.describe());
    }

    @Test
    void aJdbcUrlReplacesTheFileAndItsCredentialsStayOutOfMessages() {
        set(StoreSettings.STORE_PROPERTY, "on");
        set(StoreSettings.URL_PROPERTY, "jdbc:postgresql://db/synlab?user=u&password=secret");
        StoreSettings settings = StoreSettings.fromSystemProperties();
        assertEquals("jdbc:postgresql://db/synlab?user=u&password=secret", settings.url());
        assertEquals("jdbc:postgresql://db/synlab", settings.describe());
    }

    @Test
    void offSwitchesTheStoreOffAndANonsenseValueIsNamed() {
        set(StoreSettings.STORE_PROPERTY, "off");
        assertFalse(StoreSettings.fromSystemProperties().enabled());
        set(StoreSettings.STORE_PROPERTY, "maybe");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, StoreSettings::fromSystemProperties);
        assertEquals("-Dsynlab.store (or SYNLAB_STORE) is 'maybe'; expected on or off", e.getMessage());
    }
}
