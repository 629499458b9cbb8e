package dev.shoal.standalone;

import dev.shoal.api.ApiApplication;
import dev.shoal.conductor.ConductorApplication;
import dev.shoal.taskmanager.TaskManagerApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The three services in one application context. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ApiApplication.class, TaskManagerApplication.class, ConductorApplication.class})
public class StandaloneApplication {
}
