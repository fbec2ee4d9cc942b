package dev.stepwise.sample.users;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /users}, {@code POST /users} and {@code GET /users/{id}}.
 */
@RestController
@RequestMapping("/users")
class UserController {

	private final UserRepository users;

	UserController(UserRepository users) {
		this.users = users;
	}

	@GetMapping
	List<User> list() {
		return this.users.findAll();
	}

	@GetMapping("/{id}")
	ResponseEntity<User> get(@PathVariable String id) {
		return ResponseEntity.of(this.users.findById(id));
	}

	@PostMapping
	ResponseEntity<?> create(@RequestBody NewUser user) {
		// Checked here, by hand, rather than with Bean Validation: two fields do not justify a validator on the
		// class path, and the checks stay next to the column lengths they protect.
		Map<String, String> problems = user.problems();
		if (!problems.isEmpty()) {
			return ResponseEntity.badRequest().body(invalid(problems));
		}
		User created = this.users.create(user);
		return ResponseEntity.created(URI.create("/users/" + created.id())).body(created);
	}

	private static ProblemDetail invalid(Map<String, String> problems) {
		String detail = problems.entrySet()
			.stream()
			.map((problem) -> problem.getKey() + " " + problem.getValue())
			.collect(Collectors.joining("; "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid user: " + detail);
		problem.setProperty("fields", problems);
		return problem;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable() {
		// The parser's message may quote the body; the caller has it already.
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The body must be a JSON object such as {\"email\": \"ada@example.com\", \"name\": \"Ada\"}");
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail duplicateEmail() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "A user with this email address already exists");
	}

}
