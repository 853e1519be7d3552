package org.callmask.console;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The overview: the state of every service at a glance, refreshing itself. */
@Controller
class OverviewController {

    private final Overview overview;

    OverviewController(Overview overview) {
        this.overview = overview;
    }

    @GetMapping("/console")
    String overview(Model model) {
        model.addAttribute("cards", overview.cards());
        model.addAttribute("page", "overview");
        return "console/overview";
    }

    /** The figures alone, which the page fetches again every few seconds. */
    @GetMapping("/console/overview/cards")
    String cards(Model model) {
        model.addAttribute("cards", overview.cards());
        return "console/overview :: cards";
    }

    @GetMapping(path = "/console/overview/charts", produces = "application/json")
    @ResponseBody
    Map<String, Object> charts() {
        return overview.charts();
    }
}
