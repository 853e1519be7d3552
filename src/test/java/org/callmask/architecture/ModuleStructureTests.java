package org.callmask.architecture;

import org.callmask.CallMaskApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The features form a graph without cycles, each depending only on what its {@code package-info}
 * allows ({@code api}, {@code telephony} → {@code session} → {@code pool} → {@code system},
 * {@code core}; {@code security} → {@code telephony}) and reaching into no other feature's
 * sub-packages. The diagrams of that graph are written to {@code target/modules}.
 */
class ModuleStructureTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(CallMaskApplication.class);

    @Test
    void keepsEveryModuleWithinItsDeclaredDependencies() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagrams() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/modules")).writeDocumentation();
    }
}
