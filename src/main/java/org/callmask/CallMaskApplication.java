package org.callmask;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts CallMask: the admin API, the SignalWire webhooks and the expiry sweeper. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CallMaskApplication {

    public static void main(String[] args) {
        SpringApplication.run(CallMaskApplication.class, args);
    }
}
