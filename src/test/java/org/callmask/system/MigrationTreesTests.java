package org.callmask.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationTreesTests {

    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

    @Test
    void bothDatabasesHaveTheSameMigrationVersionsAndNames() throws IOException {
        List<String> sqlite = names("sqlite");
        List<String> postgresql = names("postgresql");

        assertThat(sqlite).isNotEmpty();
        assertThat(postgresql).isEqualTo(sqlite);
    }

    private static List<String> names(String vendor) throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS.resolve(vendor))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
