package org.callmask.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login form; the security configuration handles what it posts. */
@Controller
class LoginController {

    private final ConsoleProperties properties;

    LoginController(ConsoleProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/console/login")
    String login(
            @RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "logout", required = false) String logout,
            Model model) {
        model.addAttribute("error", error != null);
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("keysSet", properties.keysSet());
        return "console/login";
    }
}
