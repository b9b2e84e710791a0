export { familyRoutes } from './routes.ts';
export { FOOD_TABLE, planNutrition, type Dish } from './nutrition.ts';
export {
  familyActivities,
  familyActivityBookings,
  familyAttendance,
  familyDailyReports,
  familyHomeVisits,
  familyMealPlans,
  familyMessages,
  familyNotices,
  familyReportPhotos,
} from './schema.ts';
