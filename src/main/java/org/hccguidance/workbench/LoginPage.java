package org.hccguidance.workbench;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security handles the POST. */
@Controller
@Hidden
class LoginPage {

    @GetMapping(WorkbenchSecurity.LOGIN)
    String login(Model model) {
        model.addAttribute("page", "login");
        return "workbench/login";
    }
}
