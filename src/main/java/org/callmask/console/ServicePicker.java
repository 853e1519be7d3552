package org.callmask.console;

import java.util.List;
import java.util.Optional;
import org.callmask.core.PageRequest;
import org.callmask.service.ProxyService;
import org.callmask.service.Services;
import org.springframework.stereotype.Component;

/** The service a page is about: the one asked for, or the built-in one. */
@Component
class ServicePicker {

    private final Services services;

    ServicePicker(Services services) {
        this.services = services;
    }

    ProxyService choose(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return services.builtIn();
        }
        return services.require(idOrName);
    }

    List<ProxyService> all() {
        return services.page(new PageRequest(PageRequest.MAX_SIZE, Optional.empty()))
                .items();
    }
}
