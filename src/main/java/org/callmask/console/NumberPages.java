package org.callmask.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.callmask.core.InvalidPhoneNumber;
import org.callmask.core.PageRequest;
import org.callmask.core.PhoneNumber;
import org.callmask.pool.NewPoolNumber;
import org.callmask.pool.NumberChanges;
import org.callmask.pool.NumberInAnotherService;
import org.callmask.pool.NumberPool;
import org.callmask.pool.PoolNumber;
import org.callmask.service.ProxyService;
import org.callmask.session.NumberInUse;
import org.callmask.session.PoolNumberAsParticipant;
import org.callmask.session.Sessions;
import org.callmask.signalwire.NumberSetup;
import org.callmask.signalwire.SignalWireNotConfigured;
import org.callmask.signalwire.SignalWireRejected;
import org.callmask.signalwire.SignalWireUnavailable;
import org.callmask.system.Transactions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A service's pool: its numbers with their load; adding, reserving, releasing and removing them. */
@Controller
class NumberPages {

    private static final int MAX_PASTED = 1000;

    private final ServicePicker picker;
    private final NumberPool pool;
    private final Sessions sessions;
    private final Transactions transactions;
    private final NumberSetup setup;

    NumberPages(
            ServicePicker picker, NumberPool pool, Sessions sessions, Transactions transactions, NumberSetup setup) {
        this.setup = setup;
        this.picker = picker;
        this.pool = pool;
        this.sessions = sessions;
        this.transactions = transactions;
    }

    @GetMapping("/console/numbers")
    String numbers(@RequestParam(name = "service", required = false) String service, Model model) {
        ProxyService chosen = picker.choose(service);
        List<PoolNumber> numbers = pool.page(chosen.id(), new PageRequest(PageRequest.MAX_SIZE, Optional.empty()))
                .items();
        model.addAttribute("page", "numbers");
        model.addAttribute("services", picker.all());
        model.addAttribute("service", chosen);
        model.addAttribute("numbers", numbers.stream().map(NumberRow::of).toList());
        return "console/numbers";
    }

    /** Numbers pasted one per line (or separated by commas or spaces); all or nothing. */
    @PostMapping("/console/numbers/add")
    String add(
            @RequestParam("service") String service,
            @RequestParam(name = "numbers", defaultValue = "") String pasted,
            RedirectAttributes flash) {
        ProxyService chosen = picker.choose(service);
        Set<PhoneNumber> numbers = new LinkedHashSet<>();
        List<String> wrong = new ArrayList<>();
        for (String token : pasted.split("[\\s,;]+")) {
            if (token.isBlank()) {
                continue;
            }
            try {
                numbers.add(PhoneNumber.parse(token));
            } catch (InvalidPhoneNumber e) {
                wrong.add(token.length() > 30 ? token.substring(0, 30) + "…" : token);
            }
        }
        if (!wrong.isEmpty() || numbers.isEmpty() || numbers.size() > MAX_PASTED) {
            flash.addFlashAttribute(
                    "error",
                    numbers.size() > MAX_PASTED
                            ? "Paste at most " + MAX_PASTED + " numbers at a time."
                            : wrong.isEmpty()
                                    ? "Paste at least one number in E.164 form, such as +14155550100."
                                    : "Not numbers in E.164 form: " + String.join(", ", wrong)
                                            + ". Nothing was added.");
            return back(chosen);
        }
        try {
            int added = sessions.addToPool(
                    chosen, numbers.stream().map(NewPoolNumber::plain).toList());
            flash.addFlashAttribute("notice", added + " of " + numbers.size() + " numbers added.");
        } catch (NumberInAnotherService e) {
            flash.addFlashAttribute("error", "A number is in another service's pool. Nothing was added.");
        } catch (PoolNumberAsParticipant e) {
            flash.addFlashAttribute(
                    "error",
                    "A number is a participant of an active session and cannot join a pool. Nothing was added.");
        }
        return back(chosen);
    }

    @PostMapping("/console/numbers/reserve")
    String reserve(@RequestParam("service") String service, @RequestParam("number") String number) {
        return setReserved(service, number, true);
    }

    @PostMapping("/console/numbers/release")
    String release(@RequestParam("service") String service, @RequestParam("number") String number) {
        return setReserved(service, number, false);
    }

    /**
     * Removes a number; one that active sessions use is removed only when the operator confirmed
     * that those sessions close.
     */
    @PostMapping("/console/numbers/remove")
    String remove(
            @RequestParam("service") String service,
            @RequestParam("number") String number,
            @RequestParam(name = "force", defaultValue = "false") boolean force,
            RedirectAttributes flash) {
        ProxyService chosen = picker.choose(service);
        Optional<PoolNumber> found = pool.find(chosen.id(), number);
        if (found.isEmpty()) {
            flash.addFlashAttribute("error", "The service has no such number.");
            return back(chosen);
        }
        try {
            sessions.removeFromPool(chosen, found.get().number(), force);
            flash.addFlashAttribute("notice", found.get().number().e164() + " removed.");
        } catch (NumberInUse e) {
            flash.addFlashAttribute("drainNumber", found.get().number().e164());
            flash.addFlashAttribute("drainSessions", e.activeMasks());
        }
        return back(chosen);
    }

    /**
     * Checks every number's handlers in SignalWire, and with {@code fix} points the wrong ones at
     * CallMask; the page then lists what became of each.
     */
    @PostMapping("/console/numbers/sync")
    String sync(
            @RequestParam("service") String service,
            @RequestParam(name = "fix", defaultValue = "false") boolean fix,
            RedirectAttributes flash) {
        ProxyService chosen = picker.choose(service);
        try {
            List<String> results = setup.sync(chosen, fix).stream()
                    .map(h -> h.number().e164() + ": " + h.result().wire()
                            + (h.error() == null ? "" : " (" + h.error() + ")"))
                    .toList();
            flash.addFlashAttribute("handlers", results);
        } catch (SignalWireNotConfigured e) {
            flash.addFlashAttribute(
                    "error", "SignalWire is not configured: set " + String.join(", ", e.missing()) + ".");
        } catch (SignalWireRejected | SignalWireUnavailable e) {
            flash.addFlashAttribute("error", "SignalWire could not be asked: " + e.getMessage() + ".");
        }
        return back(chosen);
    }

    private String setReserved(String service, String number, boolean reserved) {
        ProxyService chosen = picker.choose(service);
        transactions.write(
                status -> pool.change(chosen.id(), number, new NumberChanges(Optional.of(reserved), Optional.empty())));
        return back(chosen);
    }

    private static String back(ProxyService service) {
        return "redirect:/console/numbers?service=" + service.id().value();
    }

    /** A pool number as the page lists it. */
    public record NumberRow(
            String number,
            String country,
            String areaCode,
            String capabilities,
            boolean reserved,
            String capacity,
            int load) {

        static NumberRow of(PoolNumber n) {
            return new NumberRow(
                    n.number().e164(),
                    n.country(),
                    n.areaCode().orElse(""),
                    String.join(
                            ", ",
                            n.capabilities().stream()
                                    .map(c -> c.wire())
                                    .sorted()
                                    .toList()),
                    n.reserved(),
                    n.capacity().map(String::valueOf).orElse("no limit"),
                    n.activeRoutes());
        }
    }
}
